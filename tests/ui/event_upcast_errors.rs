use evently::event;

#[event(name = "order.placed", version = 1)]
pub struct OrderPlacedV1 {
    pub order_id: u64,
}

// No `From<OrderPlacedV1>` impl: an error on the `upcast_from` value.
#[event(name = "order.placed", version = 2, upcast_from = OrderPlacedV1)]
pub struct OrderPlaced {
    pub order_id: u64,
    pub total: f64,
}

#[event(name = "invoice.issued", version = 1)]
pub struct InvoiceIssued {
    pub id: u64,
}

// `upcast_from` must name an earlier version of the same event.
#[event(name = "order.shipped", version = 2, upcast_from = InvoiceIssued)]
pub struct OrderShipped {
    pub id: u64,
}

impl From<InvoiceIssued> for OrderShipped {
    fn from(invoice: InvoiceIssued) -> Self {
        Self { id: invoice.id }
    }
}

// A first version has nothing to upcast from.
#[event(name = "order.cancelled", upcast_from = InvoiceIssued)]
pub struct OrderCancelled {
    pub id: u64,
}

// Unknown compatibility mode.
#[event(name = "order.refunded", compat = "sideways")]
pub struct OrderRefunded {
    pub id: u64,
}

fn main() {}
