//! What the example services share: the user events and the seed's
//! `UserAggregate`.

pub mod users {
    //! Users: the events the user service publishes, and the aggregate the
    //! event-sourcing example derives from them.

    use std::fmt;

    use evently::event;
    use evently::sourcing::Aggregate;
    use serde::{Deserialize, Serialize};

    /// A user signed up.
    #[event(name = "user.created", version = 1, topic = "user.events", key = id)]
    #[derive(Debug, Clone)]
    pub struct UserCreated {
        /// The new user's id.
        pub id: u64,
        /// Their display name.
        pub name: String,
        /// Where to send the welcome email.
        pub email: String,
    }

    /// A user changed their display name.
    #[event(name = "user.name_changed", version = 1, topic = "user.events", key = id)]
    #[derive(Debug, Clone)]
    pub struct NameChanged {
        /// The user's id.
        pub id: u64,
        /// The name they have now.
        pub new_name: String,
    }

    /// A user deleted their account.
    #[event(name = "user.deleted", version = 1, topic = "user.events", key = id)]
    #[derive(Debug, Clone)]
    pub struct UserDeleted {
        /// The user's id.
        pub id: u64,
    }

    evently::aggregate_events! {
        /// Everything that happens to a user.
        #[derive(Debug)]
        pub enum UserEvent {
            /// The user signed up.
            Created(UserCreated),
            /// The user was renamed.
            NameChanged(NameChanged),
        }
    }

    /// The seed's `UserAggregate`: the state the user's events add up to.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct User {
        /// The id (0 before the user exists).
        pub id: u64,
        /// The current display name.
        pub name: String,
        /// The email address.
        pub email: String,
    }

    /// What a user can be asked to do.
    #[derive(Debug)]
    pub enum UserCommand {
        /// Sign up.
        Create {
            /// The id to use.
            id: u64,
            /// The display name.
            name: String,
            /// The email address.
            email: String,
        },
        /// Change the display name.
        Rename {
            /// The new name.
            name: String,
        },
    }

    /// Why a user refuses a command.
    #[derive(Debug, PartialEq, Eq)]
    pub enum UserError {
        /// `Create` for a user that exists.
        AlreadyExists,
        /// `Rename` for a user that does not exist.
        NotFound,
        /// `Rename` to the name the user has.
        SameName,
    }

    impl fmt::Display for UserError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(match self {
                UserError::AlreadyExists => "the user exists already",
                UserError::NotFound => "no such user",
                UserError::SameName => "the user has that name already",
            })
        }
    }

    impl std::error::Error for UserError {}

    impl Aggregate for User {
        const TYPE: &'static str = "user";
        type Event = UserEvent;
        type Command = UserCommand;
        type Error = UserError;

        fn apply(&mut self, event: &UserEvent) {
            match event {
                UserEvent::Created(created) => {
                    *self = User {
                        id: created.id,
                        name: created.name.clone(),
                        email: created.email.clone(),
                    };
                }
                UserEvent::NameChanged(changed) => self.name = changed.new_name.clone(),
            }
        }

        fn handle(&self, command: UserCommand) -> Result<Vec<UserEvent>, UserError> {
            match command {
                UserCommand::Create { .. } if self.id != 0 => Err(UserError::AlreadyExists),
                UserCommand::Create { id, name, email } => {
                    Ok(vec![UserCreated { id, name, email }.into()])
                }
                UserCommand::Rename { .. } if self.id == 0 => Err(UserError::NotFound),
                UserCommand::Rename { name } if name == self.name => Err(UserError::SameName),
                UserCommand::Rename { name } => {
                    Ok(vec![NameChanged { id: self.id, new_name: name }.into()])
                }
            }
        }
    }
}

pub mod orders {
    //! Orders: the seed's RabbitMQ example.

    use evently::event;

    /// An order was created.
    #[event(name = "order.created", version = 1, topic = "order.created", key = order_id)]
    #[derive(Debug, Clone)]
    pub struct OrderCreated {
        /// The order's id.
        pub order_id: u64,
        /// The SKUs ordered.
        pub items: Vec<String>,
    }
}

/// The namespace examples put before broker names: `EVENTLY_NAMESPACE`
/// (default none), so runs can be kept apart.
pub fn namespace() -> String {
    std::env::var("EVENTLY_NAMESPACE").unwrap_or_default()
}

/// The Kafka settings of the examples: brokers from `KAFKA_BROKERS`
/// (comma separated, default `127.0.0.1:9092`), and [`namespace`].
pub fn kafka_config() -> evently::transport::KafkaConfig {
    let brokers = std::env::var("KAFKA_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".to_owned());
    evently::transport::KafkaConfig {
        brokers: brokers.split(',').map(str::to_owned).collect(),
        namespace: namespace(),
        ..evently::transport::KafkaConfig::default()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn event_schemas_are_committed_and_compatible() {
        evently::assert_schemas!();
    }
}
