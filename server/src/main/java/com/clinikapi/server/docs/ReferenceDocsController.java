package com.clinikapi.server.docs;

import com.clinikapi.contract.ApiSpec;
import com.clinikapi.contract.docs.DocsAnswer;
import com.clinikapi.contract.docs.ReferenceDocs;
import com.clinikapi.server.error.ErrorResponses;
import com.clinikapi.server.web.RequestAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.util.Optional;

/**
 * The interactive reference docs ({@code /docs}) and the raw spec ({@code /openapi.yaml}), as
 * {@link ReferenceDocs} answers them for the mock too. No key: they hold no patient data, and
 * {@code ApiKeyFilter} guards {@code /v1} only. Runs on the event loop: every answer is in memory.
 * A file the docs do not have is the API's usual 404.
 */
@Controller
public class ReferenceDocsController {

    /** What the docs page's server list says about this service. */
    static final String SERVER_DESCRIPTION = "This service. Authorize with your API key: clk_test_… for the sandbox, "
            + "clk_live_… for production data.";

    private final ReferenceDocs docs = ReferenceDocs.of(ApiSpec.text(), SERVER_DESCRIPTION);

    /** GET and so HEAD, which Micronaut answers as the GET without its body. Any media type: these are files. */
    @Get(uris = {ReferenceDocs.SPEC_PATH, ReferenceDocs.DOCS_PATH}, produces = MediaType.ALL)
    public MutableHttpResponse<?> spec(HttpRequest<?> request) {
        return serve(request, request.getPath());
    }

    /** The page's files, {@code /docs/} (the page again) included. */
    @Get(uri = ReferenceDocs.DOCS_PATH + "/{+file}", produces = MediaType.ALL)
    public MutableHttpResponse<?> file(HttpRequest<?> request, @PathVariable String file) {
        return serve(request, ReferenceDocs.DOCS_PATH + "/" + file);
    }

    private MutableHttpResponse<?> serve(HttpRequest<?> request, String path) {
        Optional<DocsAnswer> answer = docs.answer(path);
        if (answer.isEmpty()) {
            return ErrorResponses.forStatus(request, HttpStatus.NOT_FOUND);
        }
        RequestAttributes.answeredByReferenceDocs(request);
        MutableHttpResponse<byte[]> response = HttpResponse.ok(answer.get().body());
        answer.get().headers().forEach((name, value) -> {
            if (ReferenceDocs.CONTENT_TYPE.equals(name)) {
                response.contentType(MediaType.of(value));
            } else {
                response.header(name, value);
            }
        });
        return response;
    }
}
