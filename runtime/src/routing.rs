//! Routing: which subscriber gets which message. A pure function from the
//! selected subscribers, the upcasts between event versions and the bus's
//! defaults to a route table; nothing here runs a task.

use std::any::TypeId;
use std::collections::HashMap;
use std::sync::Arc;

use crate::error::{Conflict, StartError};
use crate::registry::UpcastFn;
use crate::retry::RetryPolicy;
use crate::subscriber::SubscriberDescriptor;

/// The group of subscribers that state none, on a bus without a source and
/// without a broker.
pub(crate) const IN_PROCESS_GROUP: &str = "default";

/// The bus settings routing depends on.
#[derive(Debug, Clone)]
pub(crate) struct Defaults<'a> {
    /// The bus's source, if it was set.
    pub(crate) source: Option<&'a str>,
    /// Whether the bus consumes from a broker (every group must then be stated).
    pub(crate) broker: bool,
    pub(crate) policy: RetryPolicy,
    pub(crate) dead_letter: &'a str,
}

/// A subscriber with its settings resolved against the bus's defaults.
#[derive(Debug)]
pub(crate) struct Subscriber {
    pub(crate) descriptor: &'static SubscriberDescriptor,
    pub(crate) group: Arc<str>,
    /// `group/name`, the idempotency scope.
    pub(crate) scope: Arc<str>,
    pub(crate) policy: RetryPolicy,
    pub(crate) dead_letter: Arc<str>,
}

/// One subscriber reached from one event type: directly, or through the
/// upcasts from an earlier version.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    /// The subscriber's index in [`RouteTable::subscribers`].
    pub(crate) subscriber: usize,
    pub(crate) upcast: Arc<[UpcastFn]>,
}

/// The routes of messages by event type and topic.
#[derive(Debug, Default)]
pub(crate) struct Routes {
    by_type: HashMap<TypeId, Vec<(&'static str, Vec<Route>)>, foldhash::fast::RandomState>,
}

impl Routes {
    /// The subscribers of a message of `type_id` on `topic`.
    pub(crate) fn get(&self, type_id: TypeId, topic: &str) -> &[Route] {
        self.by_type
            .get(&type_id)
            .and_then(|topics| topics.iter().find(|(t, _)| same_text(t, topic)))
            .map_or(&[], |(_, routes)| routes.as_slice())
    }

    fn add(&mut self, type_id: TypeId, topic: &'static str, route: Route) {
        let topics = self.by_type.entry(type_id).or_default();
        match topics.iter_mut().find(|(t, _)| *t == topic) {
            Some((_, routes)) => routes.push(route),
            None => topics.push((topic, vec![route])),
        }
    }
}

/// Whether two texts are equal; a publish usually passes the very `&'static
/// str` the route was made with, which is recognised without comparing bytes.
fn same_text(known: &str, asked: &str) -> bool {
    std::ptr::eq(known, asked) || known == asked
}

/// One consumer group: what its broker subscription covers.
#[derive(Debug)]
pub(crate) struct Group {
    pub(crate) name: Arc<str>,
    pub(crate) topics: Vec<&'static str>,
    pub(crate) routes: Routes,
}

/// Every route of a bus.
#[derive(Debug)]
pub(crate) struct RouteTable {
    pub(crate) subscribers: Vec<Arc<Subscriber>>,
    /// Routes of every subscriber, for in-process delivery.
    pub(crate) routes: Routes,
    pub(crate) groups: Vec<Group>,
}

/// The upcast chains that reach an event type: for each earlier version's
/// type, the conversions from it to the target, in order.
pub(crate) type Upcasts<'a> = &'a dyn Fn(TypeId) -> Vec<(TypeId, Vec<UpcastFn>)>;

impl RouteTable {
    /// Resolves each subscriber's group, policy and dead-letter destination,
    /// and routes every event type (and each earlier version upcast into it)
    /// on each subscriber's topic.
    ///
    /// Fails if two subscribers share a name, or, on a broker, if a
    /// subscriber states no group and the bus has no source.
    pub(crate) fn build(
        selected: &[&'static SubscriberDescriptor],
        upcasts: Upcasts<'_>,
        defaults: &Defaults<'_>,
    ) -> Result<RouteTable, StartError> {
        let mut by_name: HashMap<&str, Vec<&SubscriberDescriptor>> = HashMap::new();
        for descriptor in selected {
            by_name.entry(descriptor.name()).or_default().push(descriptor);
        }
        let mut conflicts: Vec<Conflict> = by_name
            .into_iter()
            .filter(|(_, found)| found.len() > 1)
            .map(|(name, found)| Conflict::DuplicateSubscriber {
                name: name.to_owned(),
                locations: found.iter().map(|d| d.location().to_owned()).collect(),
            })
            .collect();
        if !conflicts.is_empty() {
            conflicts.sort_by_key(ToString::to_string);
            return Err(StartError::Conflicts(conflicts));
        }
        let unstated: Vec<String> = selected
            .iter()
            .filter(|d| d.group().is_none())
            .map(|d| format!("{} ({})", d.name(), d.location()))
            .collect();
        if defaults.broker && defaults.source.is_none() && !unstated.is_empty() {
            return Err(StartError::GroupUnstated { subscribers: unstated });
        }

        let default_group = defaults.source.unwrap_or(IN_PROCESS_GROUP);
        let mut table =
            RouteTable { subscribers: Vec::new(), routes: Routes::default(), groups: Vec::new() };
        for (index, descriptor) in selected.iter().enumerate() {
            let group: Arc<str> = Arc::from(descriptor.group().unwrap_or(default_group));
            table.subscribers.push(Arc::new(Subscriber {
                descriptor,
                scope: Arc::from(format!("{group}/{}", descriptor.name())),
                group: Arc::clone(&group),
                policy: RetryPolicy {
                    max_retries: descriptor.retries().unwrap_or(defaults.policy.max_retries),
                    backoff: descriptor.backoff().unwrap_or(defaults.policy.backoff),
                },
                dead_letter: Arc::from(descriptor.dead_letter().unwrap_or(defaults.dead_letter)),
            }));
            let group_index = match table.groups.iter().position(|g| g.name == group) {
                Some(found) => found,
                None => {
                    table.groups.push(Group {
                        name: group,
                        topics: Vec::new(),
                        routes: Routes::default(),
                    });
                    table.groups.len() - 1
                }
            };
            let group = &mut table.groups[group_index];
            let topic = descriptor.topic();
            if !group.topics.contains(&topic) {
                group.topics.push(topic);
            }
            let target = descriptor.event_type_id();
            let direct = Route { subscriber: index, upcast: Arc::new([]) };
            let earlier = upcasts(target)
                .into_iter()
                .map(|(from, chain)| (from, Route { subscriber: index, upcast: chain.into() }));
            for (type_id, route) in std::iter::once((target, direct)).chain(earlier) {
                table.routes.add(type_id, topic, route.clone());
                group.routes.add(type_id, topic, route);
            }
        }
        Ok(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::envelope::{AnyEnvelope, ErasedEnvelope};
    use crate::error::UpcastError;
    use crate::lane::{LaneFutures, LaneTask};
    use crate::retry::Backoff;

    struct V1;
    struct V2;
    struct Other;

    fn run(_: LaneTask) -> LaneFutures {
        LaneFutures::ended()
    }

    fn no_upcast(_: &dyn AnyEnvelope) -> Result<ErasedEnvelope, UpcastError> {
        unreachable!("routing never calls an upcast")
    }

    const fn subscriber(name: &'static str) -> SubscriberDescriptor {
        SubscriberDescriptor::new(
            name,
            "thing.happened",
            2,
            "things",
            std::any::TypeId::of::<V2>,
            run,
            "here:1",
        )
    }

    static MAILER: SubscriberDescriptor = subscriber("mailer").with_group("mail");
    static AUDIT: SubscriberDescriptor =
        subscriber("audit").with_group("audit").with_topic("legacy.things").with_retries(7);
    static UNGROUPED: SubscriberDescriptor = subscriber("ungrouped");
    static OTHER: SubscriberDescriptor = SubscriberDescriptor::new(
        "other",
        "other.happened",
        1,
        "others",
        std::any::TypeId::of::<Other>,
        run,
        "there:2",
    )
    .with_group("mail")
    .with_backoff(Backoff::Immediate);

    fn upcasts(target: TypeId) -> Vec<(TypeId, Vec<UpcastFn>)> {
        if target == TypeId::of::<V2>() {
            vec![(TypeId::of::<V1>(), vec![no_upcast])]
        } else {
            vec![]
        }
    }

    fn defaults(source: Option<&str>, broker: bool) -> Defaults<'_> {
        Defaults { source, broker, policy: RetryPolicy::default(), dead_letter: "dead-letters" }
    }

    #[test]
    fn each_event_type_reaches_the_subscribers_of_its_topic_and_earlier_versions_are_upcast() {
        let table =
            RouteTable::build(&[&MAILER, &AUDIT, &OTHER], &upcasts, &defaults(Some("svc"), true))
                .expect("routes");
        let v2 = TypeId::of::<V2>();
        let names = |routes: &[Route]| -> Vec<&str> {
            routes.iter().map(|r| table.subscribers[r.subscriber].descriptor.name()).collect()
        };
        assert_eq!(names(table.routes.get(v2, "things")), ["mailer"]);
        assert_eq!(names(table.routes.get(v2, "legacy.things")), ["audit"]);
        assert!(table.routes.get(v2, "elsewhere").is_empty());
        let upcast = table.routes.get(TypeId::of::<V1>(), "things");
        assert_eq!(names(upcast), ["mailer"]);
        assert_eq!(upcast[0].upcast.len(), 1);
        assert!(table.routes.get(v2, "things")[0].upcast.is_empty());
    }

    #[test]
    fn groups_collect_their_subscribers_topics() {
        let table =
            RouteTable::build(&[&MAILER, &AUDIT, &OTHER], &upcasts, &defaults(Some("svc"), true))
                .expect("routes");
        let groups: Vec<(&str, Vec<&str>)> =
            table.groups.iter().map(|g| (&*g.name, g.topics.clone())).collect();
        assert_eq!(groups, [("mail", vec!["things", "others"]), ("audit", vec!["legacy.things"])]);
        let mail = &table.groups[0];
        assert!(mail.routes.get(TypeId::of::<V2>(), "legacy.things").is_empty());
        assert_eq!(mail.routes.get(TypeId::of::<Other>(), "others").len(), 1);
    }

    #[test]
    fn settings_a_subscriber_states_win_over_the_bus_defaults() {
        let table =
            RouteTable::build(&[&AUDIT, &OTHER], &upcasts, &defaults(None, false)).expect("routes");
        let audit = &table.subscribers[0];
        assert_eq!(audit.policy.max_retries, 7);
        assert_eq!(audit.policy.backoff, RetryPolicy::default().backoff);
        assert_eq!(&*audit.scope, "audit/audit");
        assert_eq!(&*audit.dead_letter, "dead-letters");
        assert_eq!(table.subscribers[1].policy.backoff, Backoff::Immediate);
    }

    #[test]
    fn on_a_broker_a_subscriber_without_a_group_needs_the_bus_source() {
        let error = RouteTable::build(&[&MAILER, &UNGROUPED], &upcasts, &defaults(None, true))
            .expect_err("no group");
        assert!(
            matches!(&error, StartError::GroupUnstated { subscribers } if subscribers == &["ungrouped (here:1)"]),
            "{error:?}"
        );
        let table = RouteTable::build(&[&UNGROUPED], &upcasts, &defaults(Some("svc"), true))
            .expect("the source is the group");
        assert_eq!(&*table.subscribers[0].group, "svc");
        let table = RouteTable::build(&[&UNGROUPED], &upcasts, &defaults(None, false))
            .expect("in-process needs no group");
        assert_eq!(&*table.subscribers[0].group, IN_PROCESS_GROUP);
    }

    #[test]
    fn two_subscribers_with_one_name_conflict() {
        let error = RouteTable::build(&[&MAILER, &MAILER], &upcasts, &defaults(None, false))
            .expect_err("dup");
        assert!(matches!(&error, StartError::Conflicts(c) if c.len() == 1), "{error:?}");
    }
}
