"""Webhooks: subscriptions (admin), events emitted by the other desks' services in their
own transactions, and the delivery bookkeeping the job worker drives."""
