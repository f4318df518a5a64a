//! The console's resident memory kept to what it holds. glibc's allocator gives every thread
//! that allocates an arena of its own and keeps freed memory for reuse; a console whose
//! directory arrives page by page on runtime threads would otherwise hold, long after, the
//! pages it already converted and dropped. Two arenas serve a console with two runtime
//! threads and a UI thread without contention that shows, and once the directory is loaded
//! what was freed on the way is handed back to the system. `serve` caps its arenas the same
//! way, for the pages its reader threads build.

/// Caps the allocator's arenas; call before the runtime starts its threads.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before other threads allocate.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Hands memory freed inside the allocator's arenas back to the system: after a load that
/// built and dropped large temporary values. It takes a few milliseconds, once per load.
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of the allocator's own heaps.
    unsafe {
        libc::malloc_trim(0);
    }
}
