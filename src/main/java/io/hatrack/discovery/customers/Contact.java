package io.hatrack.discovery.customers;

/** A person at a customer whom the team talks to. */
public record Contact(
    long id, long customerId, String name, String email, String role, String phone, long version) {}
