//! The in-process connection: calls the service directly, as a given OS user.

use std::sync::Arc;

use super::{CallError, Connection};
use crate::protocol::{Reply, Request};
use crate::service::Service;

/// A connection that runs each request on a `Service` in this process.
pub struct LocalConnection {
    service: Arc<Service>,
    username: String,
}

impl LocalConnection {
    pub fn new(service: Arc<Service>, username: impl Into<String>) -> LocalConnection {
        LocalConnection {
            service,
            username: username.into(),
        }
    }
}

impl Connection for LocalConnection {
    fn call(&mut self, request: Request) -> Result<Reply, CallError> {
        self.service
            .dispatch(&self.username, request)
            .map_err(CallError::Refused)
    }
}
