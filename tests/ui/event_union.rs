use evently::event;

#[event]
pub union BitsFlipped {
    pub a: u32,
    pub b: f32,
}

fn main() {}
