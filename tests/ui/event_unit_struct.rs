use evently::event;

#[event]
pub struct SystemStarted;

fn main() {}
