// Subscribers written by a declarative macro: the fragments (`$vis`, `$ty`,
// `$retries`) reach `#[subscriber]` inside invisible groups.
use evently::{event, subscriber};

#[event]
pub struct OrderPlaced {
    pub id: u64,
}

macro_rules! subscriber_of {
    ($vis:vis $name:ident, $arg:ident: $ty:ty, $retries:expr, $ret:ty) => {
        #[subscriber(retries = $retries, backoff = exponential(initial = "1ms", factor = 2))]
        $vis async fn $name($arg: $ty) -> $ret {
            let _ = &$arg;
            Ok(())
        }
    };
}

subscriber_of!(pub(crate) by_reference, order: &OrderPlaced, 3, evently::Result<()>);
subscriber_of!(by_envelope, order: evently::Envelope<OrderPlaced>, 0, Result<(), String>);

// An argument after the event, and a business key, through the same fragments.
macro_rules! with_extras {
    ($name:ident, $event:ty, $extra:ty, $key:ident) => {
        #[subscriber(dedup_key = $key)]
        async fn $name(_order: &$event, _meta: $extra) -> evently::Result<()> {
            Ok(())
        }
    };
}

with_extras!(with_metadata, OrderPlaced, evently::Metadata, id);

fn main() {
    let _ = evently::Bus::builder().subscribe::<by_reference>().subscribe::<by_envelope>()
        .subscribe::<with_metadata>();
}
