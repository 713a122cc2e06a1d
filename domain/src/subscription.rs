//! Billing vocabulary (DESIGN §8).

crate::wire_enum! {
    /// The plan a practice subscribes to.
    SubscriptionPlan as "subscription_plan" {
        FreeTrial = "FREE_TRIAL",
        Starter = "STARTER",
        Professional = "PROFESSIONAL",
        Enterprise = "ENTERPRISE",
    }
}

crate::wire_enum! {
    /// The state of a practice's subscription.
    SubscriptionStatus as "subscription_status" {
        Trialing = "TRIALING",
        Active = "ACTIVE",
        PastDue = "PAST_DUE",
        Cancelled = "CANCELLED",
        Expired = "EXPIRED",
    }
}
