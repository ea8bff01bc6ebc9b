//! TLS settings shared by the NATS and RabbitMQ transports and the Redis
//! store (features `nats`, `rabbitmq`, `redis`); every connection is made
//! with rustls, so no build needs OpenSSL.
//!
//! A [`TlsConfig`] names the CA certificates to trust and, for a server
//! that authenticates clients by certificate (mutual TLS), the client's
//! certificate and key. Each comes from a PEM file or from PEM text (say,
//! a secret the platform hands the process); the files are read and every
//! item is checked when the connection is made, so a missing file or a key
//! that is not PEM fails `connect` with an error naming it.
//!
//! ```no_run
//! use evently::tls::TlsConfig;
//! use evently::transport::{NatsConfig, NatsTransport};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let transport = NatsTransport::connect(NatsConfig {
//!     url: "tls://nats.internal:4222".into(),
//!     tls: Some(TlsConfig::ca_file("/etc/evently/ca.pem")),
//!     ..NatsConfig::default()
//! })
//! .await?;
//! # Ok(()) }
//! ```
//!
//! PostgreSQL's TLS is set in its URL (`sslmode`, `sslrootcert`); see the
//! [`postgres`](crate::postgres) module.

use std::path::PathBuf;

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

/// TLS settings of a connection: whom to trust, and who the client is.
///
/// `Debug` shows file paths but never PEM text, so an inline private key
/// stays out of logs.
#[derive(Debug, Clone, Default)]
pub struct TlsConfig {
    /// The CA certificates (one or more, PEM) that the server's certificate
    /// must chain to. `None` (the default): the system's trusted roots.
    pub ca: Option<Pem>,
    /// A certificate and key the client presents, for a server that
    /// authenticates clients by certificate; `None` (the default): none.
    pub client_certificate: Option<ClientCertificate>,
}

impl TlsConfig {
    /// Trusts the CA certificates in the PEM file at `path`.
    pub fn ca_file(path: impl Into<PathBuf>) -> Self {
        Self { ca: Some(Pem::File(path.into())), client_certificate: None }
    }

    /// Presents `certificate` and its `key` (PEM files) to the server.
    pub fn client_certificate_files(
        mut self,
        certificate: impl Into<PathBuf>,
        key: impl Into<PathBuf>,
    ) -> Self {
        self.client_certificate = Some(ClientCertificate {
            certificate: Pem::File(certificate.into()),
            key: Pem::File(key.into()),
        });
        self
    }
}

/// Where PEM comes from: a file, or the text itself.
#[derive(Clone)]
pub enum Pem {
    /// A PEM file, read when connecting.
    File(PathBuf),
    /// PEM text (`-----BEGIN ...`). Never shown by `Debug`: it may be a
    /// private key.
    Text(String),
}

impl std::fmt::Debug for Pem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File(path) => f.debug_tuple("File").field(path).finish(),
            Self::Text(text) => write!(f, "Text(<{} bytes>)", text.len()),
        }
    }
}

/// The certificate (with its chain) and private key a client presents.
#[derive(Debug, Clone)]
pub struct ClientCertificate {
    /// The client's certificate, then any intermediates (PEM).
    pub certificate: Pem,
    /// Its private key (PEM: PKCS#8, PKCS#1 or SEC1).
    pub key: Pem,
}

/// Which part of a [`TlsConfig`] an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TlsItem {
    /// [`TlsConfig::ca`].
    Ca,
    /// [`ClientCertificate::certificate`].
    ClientCertificate,
    /// [`ClientCertificate::key`].
    ClientKey,
}

impl std::fmt::Display for TlsItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Ca => "CA certificate",
            Self::ClientCertificate => "client certificate",
            Self::ClientKey => "client key",
        })
    }
}

/// Why TLS settings cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TlsError {
    /// A PEM file cannot be read.
    #[error("cannot read the {item} file `{}`", path.display())]
    Read {
        /// What the file should hold.
        item: TlsItem,
        /// The file.
        path: PathBuf,
        /// What reading it reported.
        #[source]
        source: std::io::Error,
    },
    /// The PEM is malformed, or holds no item of the kind expected.
    #[error("the {item} ({origin}) is not usable PEM: {reason}")]
    Pem {
        /// What the PEM should hold.
        item: TlsItem,
        /// The file, or `inline PEM`.
        origin: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The TLS library refused the certificates or the key (a key that
    /// does not match its certificate, say).
    #[error("the {item} was refused")]
    Refused {
        /// What was refused.
        item: TlsItem,
        /// What the TLS library reported.
        #[source]
        source: crate::util::BoxError,
    },
}

/// A [`TlsConfig`] with its files read and each item checked.
#[derive(Clone, Default)]
pub(crate) struct LoadedTls {
    /// The CA certificates, as PEM text and parsed.
    pub(crate) ca: Option<(Vec<u8>, Vec<CertificateDer<'static>>)>,
    /// The client's certificate chain and key, as PEM text and parsed.
    pub(crate) client: Option<LoadedClient>,
}

// The parsed forms serve the NATS transport, the PEM text the others.
#[derive(Clone)]
pub(crate) struct LoadedClient {
    #[cfg_attr(not(any(feature = "rabbitmq", feature = "redis")), allow(dead_code))]
    pub(crate) certificate_pem: Vec<u8>,
    #[cfg_attr(not(any(feature = "rabbitmq", feature = "redis")), allow(dead_code))]
    pub(crate) key_pem: Vec<u8>,
    #[cfg_attr(not(feature = "nats"), allow(dead_code))]
    pub(crate) chain: Vec<CertificateDer<'static>>,
    #[cfg_attr(not(feature = "nats"), allow(dead_code))]
    pub(crate) key: std::sync::Arc<PrivateKeyDer<'static>>,
}

impl TlsConfig {
    /// Reads the files and checks that each item parses.
    pub(crate) fn load(&self) -> Result<LoadedTls, TlsError> {
        let ca = match &self.ca {
            Some(pem) => {
                let (text, origin) = read(pem, TlsItem::Ca)?;
                Some((text.clone(), certificates(&text, &origin, TlsItem::Ca)?))
            }
            None => None,
        };
        let client = match &self.client_certificate {
            Some(client) => {
                let (certificate_pem, origin) =
                    read(&client.certificate, TlsItem::ClientCertificate)?;
                let chain = certificates(&certificate_pem, &origin, TlsItem::ClientCertificate)?;
                let (key_pem, origin) = read(&client.key, TlsItem::ClientKey)?;
                // The parse error is not shown: it could quote the key.
                let key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|_| TlsError::Pem {
                    item: TlsItem::ClientKey,
                    origin,
                    reason: "no PKCS#8, PKCS#1 or SEC1 private key found".into(),
                })?;
                Some(LoadedClient {
                    certificate_pem,
                    key_pem,
                    chain,
                    key: std::sync::Arc::new(key),
                })
            }
            None => None,
        };
        Ok(LoadedTls { ca, client })
    }
}

impl LoadedClient {
    #[cfg_attr(not(feature = "nats"), allow(dead_code))]
    pub(crate) fn key(&self) -> PrivateKeyDer<'static> {
        self.key.clone_key()
    }
}

/// The PEM's bytes and where they came from, for messages.
fn read(pem: &Pem, item: TlsItem) -> Result<(Vec<u8>, String), TlsError> {
    match pem {
        Pem::File(path) => std::fs::read(path)
            .map(|bytes| (bytes, format!("`{}`", path.display())))
            .map_err(|source| TlsError::Read { item, path: path.clone(), source }),
        Pem::Text(text) => Ok((text.as_bytes().to_vec(), "inline PEM".to_owned())),
    }
}

fn certificates(
    pem: &[u8],
    origin: &str,
    item: TlsItem,
) -> Result<Vec<CertificateDer<'static>>, TlsError> {
    let invalid = |reason: String| TlsError::Pem { item, origin: origin.to_owned(), reason };
    let certificates = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|error| invalid(error.to_string()))?;
    if certificates.is_empty() {
        return Err(invalid("no `BEGIN CERTIFICATE` block found".into()));
    }
    Ok(certificates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_pem_is_never_shown_by_debug() {
        let config = TlsConfig {
            ca: Some(Pem::File("/etc/ca.pem".into())),
            client_certificate: Some(ClientCertificate {
                certificate: Pem::Text("-----BEGIN CERTIFICATE-----".into()),
                key: Pem::Text("-----BEGIN PRIVATE KEY-----\nsecret-key-bytes".into()),
            }),
        };
        let shown = format!("{config:?}");
        assert!(!shown.contains("secret-key-bytes"), "{shown}");
        assert!(shown.contains("/etc/ca.pem"), "{shown}");
    }

    #[test]
    fn a_missing_ca_file_is_an_error_naming_the_file() {
        let error = TlsConfig::ca_file("/nonexistent/ca.pem").load().err().expect("no such file");
        assert_eq!(error.to_string(), "cannot read the CA certificate file `/nonexistent/ca.pem`");
        assert!(matches!(error, TlsError::Read { item: TlsItem::Ca, .. }));
    }

    #[test]
    fn pem_without_a_certificate_is_an_error() {
        let config = TlsConfig { ca: Some(Pem::Text("not pem".into())), ..TlsConfig::default() };
        let error = config.load().err().expect("no certificate");
        assert_eq!(
            error.to_string(),
            "the CA certificate (inline PEM) is not usable PEM: no `BEGIN CERTIFICATE` block found"
        );
    }
}
