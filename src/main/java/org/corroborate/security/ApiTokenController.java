package org.corroborate.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tokens}: the caller's personal API tokens (an administrator's: anyone's, with {@code ?all=true}). */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens", description = "Personal tokens for scripts, sent as 'Authorization: Bearer TOKEN'")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    /** The answer to a create: the token itself, once, beside its details. */
    record Created(long id, String token, String name, String owner, List<String> scopes, Instant createdAt,
                   Instant expiresAt) {

        static Created of(CreatedToken created) {
            TokenDetails d = created.details();
            return new Created(d.id(), created.token(), d.name(), d.owner(), d.scopes(), d.createdAt(), d.expiresAt());
        }

        @Override
        public String toString() {
            return "Created[id=" + id + ", token=(hidden)]";
        }
    }

    @PostMapping
    @Operation(summary = "Make a token ({name, scopes: [\"read\"] or [\"read\",\"write\"], expiresAt?}); "
            + "the answer holds the token, shown this once")
    ResponseEntity<Created> create(@RequestBody NewToken request) {
        Created created = Created.of(tokens.create(request));
        return ResponseEntity.created(URI.create("/api/tokens/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "Your tokens, newest first (never the tokens themselves); ?all=true: everyone's, for "
            + "administrators")
    List<TokenDetails> list(@RequestParam(defaultValue = "false") boolean all) {
        return all ? tokens.all() : tokens.mine();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token (yours, or anyone's for an administrator): refused from the next request on")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
