//! The events the fuzz targets decode into, shared with the test that
//! replays the corpus so both run with the same registry: an event in three
//! versions joined by upcasts, and one whose data has nested, optional,
//! enumerated and map-typed fields.
#![allow(missing_docs, dead_code, unreachable_pub)]

use std::collections::BTreeMap;

use evently::event;

#[event(name = "fuzz.order.placed", version = 1, key = order_id)]
pub struct OrderPlacedV1 {
    pub order_id: u64,
}

#[event(name = "fuzz.order.placed", version = 2, key = order_id, upcast_from = OrderPlacedV1)]
pub struct OrderPlacedV2 {
    pub order_id: u64,
    pub total_cents: u64,
}

impl From<OrderPlacedV1> for OrderPlacedV2 {
    fn from(v1: OrderPlacedV1) -> Self {
        Self { order_id: v1.order_id, total_cents: 0 }
    }
}

#[event(name = "fuzz.order.placed", version = 3, key = order_id, upcast_from = OrderPlacedV2)]
pub struct OrderPlaced {
    pub order_id: u64,
    pub total_cents: u64,
    pub currency: String,
}

impl From<OrderPlacedV2> for OrderPlaced {
    fn from(v2: OrderPlacedV2) -> Self {
        Self { order_id: v2.order_id, total_cents: v2.total_cents, currency: "EUR".to_owned() }
    }
}

#[derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Address {
    pub street: String,
    pub city: String,
}

#[derive(serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Status {
    Active,
    Suspended { reason: String, until: Option<i64> },
}

#[event(name = "fuzz.profile.updated", key = user)]
pub struct ProfileUpdated {
    pub user: String,
    pub age: Option<u8>,
    pub score: f64,
    pub tags: Vec<String>,
    pub address: Option<Address>,
    pub status: Status,
    #[serde(default)]
    pub counters: BTreeMap<String, i64>,
}
