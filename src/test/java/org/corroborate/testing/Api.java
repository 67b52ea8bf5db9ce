package org.corroborate.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API of the test workbench through MockMvc, called with HTTP Basic as a demo account
 * (password {@link TestAccounts#DEMO_PASSWORD}). Bodies are JSON: a {@code String} is sent as it is,
 * anything else is written by the application's own {@link JsonMapper}. Each call returns MockMvc's
 * {@link ResultActions}, so tests state the status and fields they expect themselves.
 */
public final class Api {

    private final MockMvc mvc;
    private final JsonMapper json;

    public Api(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** {@code GET path} as {@code user}. */
    public ResultActions get(String user, String path) throws Exception {
        return perform(user, MockMvcRequestBuilders.get(path));
    }

    /** {@code POST path} with a JSON body (null for none, then sent with {@code X-Requested-With}) as {@code user}. */
    public ResultActions post(String user, String path, Object body) throws Exception {
        return perform(user, withBody(MockMvcRequestBuilders.post(path), body));
    }

    /** {@code PUT path} with a JSON body as {@code user}. */
    public ResultActions put(String user, String path, Object body) throws Exception {
        return perform(user, withBody(MockMvcRequestBuilders.put(path), body));
    }

    /** {@code DELETE path} as {@code user}. */
    public ResultActions delete(String user, String path) throws Exception {
        return perform(user, MockMvcRequestBuilders.delete(path));
    }

    /** Any request, signed in as {@code user} (null: anonymous). */
    public ResultActions perform(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(user == null ? request : request.with(httpBasic(user, TestAccounts.passwordOf(user))));
    }

    /** The body of a finished call as JSON. */
    public JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** The {@code id} field of a finished call's JSON body. */
    public long id(ResultActions result) throws Exception {
        return read(result).get("id").asLong();
    }

    /** The JSON mapper the application uses, for bodies the test builds itself. */
    public JsonMapper json() {
        return json;
    }

    private MockHttpServletRequestBuilder withBody(MockHttpServletRequestBuilder request, Object body) {
        if (body == null) {
            // The API refuses empty posts from browsers; scripts say who they are (docs/api.md).
            return request.header("X-Requested-With", "corroborate");
        }
        return request.contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String text ? text : json.writeValueAsString(body));
    }
}
