//! Workspace API keys, and the inference-side model list that shows whether one works.

use reqwest::Method;
use reqwest::header::HeaderValue;
use uuid::Uuid;

use super::config_error::ConfigError;
use super::error::ClientError;
use super::transport::{AdminClient, Call};
use crate::api::{AdminCreateApiKeyIn, ApiKeyOut, ApiKeysExtendedOut, DeleteApiKeyOut, ModelList};
use crate::api::{Operation, paths};
use crate::domain::SecretString;

impl AdminClient {
    /// `GET /api-keys`: one slice of the organization's keys; `name` matches a name fragment
    /// or the last four characters of a key.
    pub async fn list_api_keys(
        &self,
        limit: u32,
        offset: u32,
        name: Option<&str>,
    ) -> Result<ApiKeysExtendedOut, ClientError> {
        let call = Call::to(Operation::ListApiKeys, &[], "Page")
            .query("limit", limit)
            .query("offset", offset)
            .filter("name", name);
        self.send(call).await
    }

    /// `POST /api-keys`: the reply holds the plaintext key, the only time it is ever shown.
    pub async fn create_api_key(
        &self,
        key: &AdminCreateApiKeyIn,
    ) -> Result<ApiKeyOut, ClientError> {
        self.send(Call::to(Operation::CreateApiKey, &[], "Workspace or user").json(key)?)
            .await
    }

    /// `DELETE /api-keys/{id}`: revokes the key at once.
    pub async fn delete_api_key(&self, id: Uuid) -> Result<DeleteApiKeyOut, ClientError> {
        self.send(Call::to(Operation::DeleteApiKey, &[id], "API key"))
            .await
    }

    /// `GET /v1/models` on the same host, authenticated by a workspace key instead of the
    /// admin key: the quickest proof that a freshly created key works.
    pub async fn list_models_with_key(&self, key: &SecretString) -> Result<ModelList, ClientError> {
        if key.is_empty() || HeaderValue::from_str(key.expose()).is_err() {
            return Err(ClientError::Config(ConfigError::Invalid(
                "the workspace key is empty or has characters that cannot be sent".to_owned(),
            )));
        }
        let mut call = Call::new(Method::GET, paths::MODELS, "Model list");
        call.absolute_url = Some(paths::models_url_for(self.base_url()));
        call.credential = Some(key.clone());
        self.send(call).await
    }
}
