package io.chainmonitor.spawner.token;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.chainmonitor.spawner.project.Caller;

/** A request authenticated by a CI token: its principal is the {@link Caller.CiToken}, scoped to one project. */
final class CiTokenAuthentication extends AbstractAuthenticationToken {

    private final Caller.CiToken token;

    CiTokenAuthentication(Caller.CiToken token) {
        super(List.of(new SimpleGrantedAuthority("CI_TOKEN")));
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller.CiToken getPrincipal() {
        return token;
    }

    @Override
    public String getName() {
        return token.actor();
    }
}
