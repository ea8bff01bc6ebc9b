//! Checking 500 event schemas: the generated schema of each version against
//! its committed file, and each v2 against its v1 for compatibility.
//!
//! ```text
//! cargo bench -p evently-tests --bench schemas
//! ```
//!
//! 250 events, two versions each (the modules below are generated: a closed
//! struct of six fields, and a second version adding an optional field).

#![allow(missing_docs, unreachable_pub)]

use std::time::{Duration, Instant};

use evently::EventDescriptor;
use evently::schemas::SchemaCheck;

const ROUNDS: usize = 5;

mod e000 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e000.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e000.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e001 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e001.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e001.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e002 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e002.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e002.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e003 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e003.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e003.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e004 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e004.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e004.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e005 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e005.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e005.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e006 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e006.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e006.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e007 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e007.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e007.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e008 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e008.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e008.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e009 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e009.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e009.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e010 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e010.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e010.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e011 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e011.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e011.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e012 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e012.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e012.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e013 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e013.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e013.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e014 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e014.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e014.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e015 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e015.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e015.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e016 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e016.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e016.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e017 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e017.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e017.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e018 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e018.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e018.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e019 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e019.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e019.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e020 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e020.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e020.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e021 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e021.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e021.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e022 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e022.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e022.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e023 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e023.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e023.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e024 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e024.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e024.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e025 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e025.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e025.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e026 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e026.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e026.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e027 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e027.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e027.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e028 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e028.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e028.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e029 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e029.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e029.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e030 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e030.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e030.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e031 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e031.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e031.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e032 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e032.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e032.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e033 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e033.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e033.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e034 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e034.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e034.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e035 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e035.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e035.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e036 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e036.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e036.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e037 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e037.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e037.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e038 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e038.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e038.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e039 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e039.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e039.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e040 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e040.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e040.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e041 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e041.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e041.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e042 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e042.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e042.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e043 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e043.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e043.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e044 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e044.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e044.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e045 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e045.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e045.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e046 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e046.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e046.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e047 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e047.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e047.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e048 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e048.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e048.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e049 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e049.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e049.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e050 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e050.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e050.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e051 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e051.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e051.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e052 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e052.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e052.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e053 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e053.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e053.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e054 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e054.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e054.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e055 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e055.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e055.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e056 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e056.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e056.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e057 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e057.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e057.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e058 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e058.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e058.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e059 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e059.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e059.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e060 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e060.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e060.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e061 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e061.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e061.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e062 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e062.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e062.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e063 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e063.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e063.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e064 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e064.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e064.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e065 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e065.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e065.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e066 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e066.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e066.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e067 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e067.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e067.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e068 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e068.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e068.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e069 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e069.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e069.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e070 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e070.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e070.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e071 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e071.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e071.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e072 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e072.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e072.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e073 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e073.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e073.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e074 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e074.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e074.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e075 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e075.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e075.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e076 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e076.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e076.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e077 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e077.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e077.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e078 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e078.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e078.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e079 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e079.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e079.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e080 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e080.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e080.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e081 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e081.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e081.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e082 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e082.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e082.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e083 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e083.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e083.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e084 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e084.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e084.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e085 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e085.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e085.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e086 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e086.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e086.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e087 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e087.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e087.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e088 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e088.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e088.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e089 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e089.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e089.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e090 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e090.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e090.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e091 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e091.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e091.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e092 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e092.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e092.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e093 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e093.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e093.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e094 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e094.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e094.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e095 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e095.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e095.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e096 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e096.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e096.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e097 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e097.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e097.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e098 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e098.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e098.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e099 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e099.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e099.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e100 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e100.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e100.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e101 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e101.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e101.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e102 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e102.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e102.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e103 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e103.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e103.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e104 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e104.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e104.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e105 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e105.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e105.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e106 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e106.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e106.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e107 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e107.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e107.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e108 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e108.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e108.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e109 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e109.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e109.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e110 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e110.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e110.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e111 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e111.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e111.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e112 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e112.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e112.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e113 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e113.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e113.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e114 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e114.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e114.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e115 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e115.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e115.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e116 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e116.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e116.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e117 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e117.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e117.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e118 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e118.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e118.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e119 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e119.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e119.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e120 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e120.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e120.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e121 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e121.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e121.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e122 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e122.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e122.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e123 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e123.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e123.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e124 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e124.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e124.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e125 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e125.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e125.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e126 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e126.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e126.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e127 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e127.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e127.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e128 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e128.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e128.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e129 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e129.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e129.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e130 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e130.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e130.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e131 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e131.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e131.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e132 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e132.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e132.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e133 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e133.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e133.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e134 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e134.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e134.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e135 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e135.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e135.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e136 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e136.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e136.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e137 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e137.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e137.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e138 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e138.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e138.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e139 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e139.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e139.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e140 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e140.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e140.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e141 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e141.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e141.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e142 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e142.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e142.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e143 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e143.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e143.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e144 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e144.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e144.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e145 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e145.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e145.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e146 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e146.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e146.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e147 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e147.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e147.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e148 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e148.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e148.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e149 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e149.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e149.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e150 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e150.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e150.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e151 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e151.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e151.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e152 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e152.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e152.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e153 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e153.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e153.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e154 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e154.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e154.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e155 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e155.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e155.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e156 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e156.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e156.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e157 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e157.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e157.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e158 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e158.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e158.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e159 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e159.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e159.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e160 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e160.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e160.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e161 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e161.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e161.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e162 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e162.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e162.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e163 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e163.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e163.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e164 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e164.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e164.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e165 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e165.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e165.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e166 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e166.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e166.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e167 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e167.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e167.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e168 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e168.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e168.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e169 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e169.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e169.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e170 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e170.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e170.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e171 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e171.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e171.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e172 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e172.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e172.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e173 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e173.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e173.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e174 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e174.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e174.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e175 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e175.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e175.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e176 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e176.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e176.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e177 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e177.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e177.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e178 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e178.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e178.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e179 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e179.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e179.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e180 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e180.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e180.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e181 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e181.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e181.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e182 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e182.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e182.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e183 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e183.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e183.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e184 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e184.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e184.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e185 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e185.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e185.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e186 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e186.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e186.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e187 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e187.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e187.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e188 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e188.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e188.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e189 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e189.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e189.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e190 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e190.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e190.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e191 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e191.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e191.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e192 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e192.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e192.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e193 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e193.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e193.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e194 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e194.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e194.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e195 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e195.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e195.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e196 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e196.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e196.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e197 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e197.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e197.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e198 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e198.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e198.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e199 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e199.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e199.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e200 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e200.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e200.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e201 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e201.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e201.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e202 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e202.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e202.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e203 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e203.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e203.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e204 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e204.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e204.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e205 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e205.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e205.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e206 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e206.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e206.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e207 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e207.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e207.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e208 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e208.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e208.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e209 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e209.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e209.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e210 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e210.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e210.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e211 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e211.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e211.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e212 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e212.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e212.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e213 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e213.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e213.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e214 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e214.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e214.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e215 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e215.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e215.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e216 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e216.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e216.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e217 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e217.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e217.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e218 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e218.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e218.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e219 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e219.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e219.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e220 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e220.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e220.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e221 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e221.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e221.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e222 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e222.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e222.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e223 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e223.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e223.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e224 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e224.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e224.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e225 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e225.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e225.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e226 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e226.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e226.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e227 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e227.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e227.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e228 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e228.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e228.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e229 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e229.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e229.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e230 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e230.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e230.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e231 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e231.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e231.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e232 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e232.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e232.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e233 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e233.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e233.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e234 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e234.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e234.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e235 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e235.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e235.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e236 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e236.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e236.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e237 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e237.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e237.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e238 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e238.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e238.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e239 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e239.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e239.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e240 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e240.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e240.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e241 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e241.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e241.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e242 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e242.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e242.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e243 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e243.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e243.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e244 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e244.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e244.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e245 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e245.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e245.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e246 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e246.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e246.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e247 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e247.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e247.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e248 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e248.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e248.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

mod e249 {
    use evently::event;

    #[derive(
        Debug,
        Clone,
        evently::__private::serde::Serialize,
        evently::__private::serde::Deserialize,
        evently::__private::schemars::JsonSchema,
    )]
    #[serde(crate = "evently::__private::serde")]
    #[schemars(crate = "evently::__private::schemars")]
    pub struct Line {
        pub sku: String,
        pub quantity: u32,
    }

    #[event(name = "bench.e249.recorded", version = 1)]
    #[serde(deny_unknown_fields)]
    pub struct V1 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
    }

    #[event(name = "bench.e249.recorded", version = 2)]
    #[serde(deny_unknown_fields)]
    pub struct V2 {
        pub id: u64,
        pub customer: String,
        pub amount: f64,
        pub lines: Vec<Line>,
        pub tags: Vec<String>,
        pub discount: Option<u32>,
        pub note: Option<String>,
    }
}

fn main() {
    let events: Vec<&'static EventDescriptor> =
        evently::registered_events().filter(|d| d.name().starts_with("bench.e")).collect();
    assert_eq!(events.len(), 500, "every generated event is registered");
    let dir = std::env::temp_dir().join(format!("evently-bench-schemas-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let check = SchemaCheck::new(env!("CARGO_MANIFEST_DIR"), "evently-tests").dir(&dir).ci(false);

    let start = Instant::now();
    let written = check.clone().update(true).run_on(&events);
    let write_time = start.elapsed();
    assert!(written.is_ok(), "{written}");
    assert_eq!(written.written.len(), 500);

    let mut samples: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            let report = check.clone().update(false).run_on(&events);
            let elapsed = start.elapsed();
            assert!(report.is_ok(), "{report}");
            assert_eq!(report.checked, 500);
            elapsed
        })
        .collect();
    samples.sort();
    let median = samples[ROUNDS / 2];
    println!(
        "schema check of {} event versions (250 events x 2 versions), median of {ROUNDS} rounds",
        events.len()
    );
    println!("  write all files (update mode, once):   {:>8.1} ms", write_time.as_secs_f64() * 1e3);
    println!("  check (compare + compatibility):       {:>8.1} ms", median.as_secs_f64() * 1e3);
    println!(
        "  per event version:                     {:>8.1} us",
        median.as_secs_f64() * 1e6 / events.len() as f64
    );
    println!(
        "  target: under 1 s -> {}",
        if median < Duration::from_secs(1) { "met" } else { "NOT met" }
    );
    let _ = std::fs::remove_dir_all(&dir);
}
