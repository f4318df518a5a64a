//! The console's ratatui backend: crossterm's, writing through [`FrameWriter`], except that the
//! terminal's size is remembered instead of asked for on every frame.
//!
//! ratatui asks the backend for the size before each frame, and crossterm answers by opening
//! `/dev/tty` and asking the kernel: a few percent of what a one-row move costs. The size
//! changes only when the terminal is resized, and crossterm reports that as an event, so the
//! console forgets the size it knows when that event passes (see [`SizeWatch::watch`]) and
//! asks again once, at the next frame.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use crossterm::event::Event;
use futures::{Stream, StreamExt};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use super::terminal::FrameWriter;

/// No size known: the next frame asks the terminal.
const UNKNOWN: u32 = 0;

/// The size last read from the terminal, shared between the backend (which reads it) and the
/// stream of terminal events (which forgets it on a resize).
#[derive(Debug, Clone, Default)]
pub struct SizeWatch(Arc<AtomicU32>);

impl SizeWatch {
    fn known(&self) -> Option<Size> {
        match self.0.load(Ordering::Acquire) {
            UNKNOWN => None,
            packed => Some(Size::new((packed >> 16) as u16, packed as u16)),
        }
    }

    fn remember(&self, size: Size) {
        let packed = (u32::from(size.width) << 16) | u32::from(size.height);
        self.0.store(packed, Ordering::Release);
    }

    fn forget(&self) {
        self.0.store(UNKNOWN, Ordering::Release);
    }

    /// The terminal's events as they come, forgetting the size at each resize, before the
    /// event reaches the loop and so before the frame it causes.
    pub fn watch<S>(&self, events: S) -> impl Stream<Item = io::Result<Event>> + Unpin
    where
        S: Stream<Item = io::Result<Event>> + Unpin,
    {
        let watch = self.clone();
        events.inspect(move |event| {
            if let Ok(Event::Resize(..)) = event {
                watch.forget();
            }
        })
    }
}

pub struct ConsoleBackend {
    inner: CrosstermBackend<FrameWriter>,
    size: SizeWatch,
}

impl ConsoleBackend {
    pub fn new(writer: FrameWriter, size: SizeWatch) -> Self {
        Self {
            inner: CrosstermBackend::new(writer),
            size,
        }
    }
}

impl Backend for ConsoleBackend {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.size.known() {
            return Ok(size);
        }
        let size = self.inner.size()?;
        // A terminal that reports no rows or columns is asked again next time.
        if size.width > 0 && size.height > 0 {
            self.size.remember(size);
        }
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resize_event_forgets_the_size_and_other_events_keep_it() {
        let watch = SizeWatch::default();
        watch.remember(Size::new(120, 40));
        let events = futures::stream::iter([Ok(Event::FocusGained), Ok(Event::Resize(80, 24))]);
        let mut watched = watch.watch(events);
        futures::executor::block_on(async {
            watched.next().await;
            assert_eq!(watch.known(), Some(Size::new(120, 40)));
            watched.next().await;
            assert_eq!(watch.known(), None);
        });
    }

    #[test]
    fn the_widest_and_tallest_sizes_survive_packing() {
        let watch = SizeWatch::default();
        for size in [
            Size::new(1, 1),
            Size::new(u16::MAX, u16::MAX),
            Size::new(300, 7),
        ] {
            watch.remember(size);
            assert_eq!(watch.known(), Some(size));
        }
    }
}
