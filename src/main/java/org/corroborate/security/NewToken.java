package org.corroborate.security;

import java.time.Instant;
import java.util.List;

/**
 * What a person asks for to make an API token ({@code POST /api/tokens}).
 *
 * @param name what the token is for, shown in the list (1 to 100 characters, one line)
 * @param scopes {@code ["read"]} or {@code ["read", "write"]} ({@code ["write"]} alone means the same)
 * @param expiresAt when it stops working, in the future; null for never
 */
public record NewToken(String name, List<String> scopes, Instant expiresAt) {}
