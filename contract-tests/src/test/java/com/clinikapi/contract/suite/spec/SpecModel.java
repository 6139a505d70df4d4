package com.clinikapi.contract.suite.spec;

import com.clinikapi.contract.ApiSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contract as the suite reads it: the spec from the api-spec jar (the same bytes the server and
 * the mock were built from), fully resolved. Everything the suite derives from the spec (which
 * operation a request hits, its documented statuses and headers, the schemas the generators build
 * bodies from) comes from here, never from a hand-copied list.
 */
public final class SpecModel {

    private static final SpecModel INSTANCE = load();

    private final OpenAPI openApi;
    private final String text;
    private final List<SpecOperation> operations;

    private SpecModel(OpenAPI openApi, String text) {
        this.openApi = openApi;
        this.text = text;
        this.operations = readOperations(openApi);
    }

    public static SpecModel get() {
        return INSTANCE;
    }

    private static SpecModel load() {
        String text = ApiSpec.text();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("the spec does not parse: " + result.getMessages());
        }
        return new SpecModel(result.getOpenAPI(), text);
    }

    /** The YAML text, for the validator. */
    public String text() {
        return text;
    }

    public List<SpecOperation> operations() {
        return operations;
    }

    public SpecOperation operation(String operationId) {
        return operations.stream().filter(o -> o.operationId().equals(operationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId + " in the spec"));
    }

    /** The operation a request hits, if its method and path are declared. */
    public Optional<SpecOperation> resolve(String method, String rawPath) {
        String path = stripQuery(rawPath);
        return operations.stream()
                .filter(o -> o.method().equalsIgnoreCase(method) && o.matches(path))
                // a literal path wins over a template
                .min(Comparator.comparingInt(o -> o.pathTemplate().contains("{") ? 1 : 0));
    }

    /** Whether any operation is declared on this path, whatever the method. */
    public boolean isDeclaredPath(String rawPath) {
        String path = stripQuery(rawPath);
        return operations.stream().anyMatch(o -> o.matches(path));
    }

    /** A named component schema, with every $ref resolved. */
    @SuppressWarnings("rawtypes")
    public Schema schema(String name) {
        Schema schema = openApi.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + name + " in the spec");
        }
        return schema;
    }

    /** The body schema of an operation's request for one media type. */
    @SuppressWarnings("rawtypes")
    public Schema requestSchema(String operationId, String mediaType) {
        return operation(operationId).operation().getRequestBody().getContent().get(mediaType).getSchema();
    }

    public static String stripQuery(String rawPath) {
        int q = rawPath.indexOf('?');
        return q < 0 ? rawPath : rawPath.substring(0, q);
    }

    private static List<SpecOperation> readOperations(OpenAPI api) {
        List<SpecOperation> result = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = op.getValue();
                Map<Integer, SpecResponse> responses = new LinkedHashMap<>();
                for (Map.Entry<String, ApiResponse> r : operation.getResponses().entrySet()) {
                    if (!r.getKey().matches("\\d{3}")) {
                        continue;
                    }
                    ApiResponse response = r.getValue();
                    Set<String> headers = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                    if (response.getHeaders() != null) {
                        headers.addAll(response.getHeaders().keySet());
                    }
                    Set<String> mediaTypes = new TreeSet<>();
                    if (response.getContent() != null) {
                        mediaTypes.addAll(response.getContent().keySet());
                    }
                    int status = Integer.parseInt(r.getKey());
                    responses.put(status, new SpecResponse(status, headers, mediaTypes));
                }
                List<Parameter> parameters = new ArrayList<>();
                if (path.getValue().getParameters() != null) {
                    parameters.addAll(path.getValue().getParameters());
                }
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                result.add(new SpecOperation(operation.getOperationId(), op.getKey().name(), path.getKey(),
                        responses, parameters, operation));
            }
        }
        return List.copyOf(result);
    }
}
