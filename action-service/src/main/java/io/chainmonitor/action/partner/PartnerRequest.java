package io.chainmonitor.action.partner;

/** A partner as a user sends it; on update a left-out {@code webhookSecret} keeps the stored one. */
record PartnerRequest(String name, String webhookUrl, String webhookSecret, String email) {
}
