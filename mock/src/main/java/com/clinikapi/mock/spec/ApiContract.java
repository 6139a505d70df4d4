package com.clinikapi.mock.spec;

import com.clinikapi.contract.ApiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The appointments contract as the mock serves it, read from {@code api-spec}'s
 * {@code openapi.yaml} on the classpath when the mock starts. Operations, the media types they
 * accept, the responses they document and the examples of those responses all come from here, so
 * a change to the spec changes the mock with no code edits.
 */
public final class ApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GET = "GET";
    private static final String HEAD = "HEAD";

    private final List<CompiledOperation> operations;

    private ApiContract(List<ContractOperation> operations) {
        this.operations = operations.stream()
                .sorted(Comparator.comparingInt((ContractOperation op) -> PathTemplates.literalSegments(op.pathTemplate()))
                        .reversed())
                .map(op -> new CompiledOperation(op, op.pathPattern()))
                .toList();
    }

    /** The contract packaged with {@code clinikapi-api-spec}. */
    public static ApiContract load() {
        return parse(ApiSpec.text());
    }

    public static ApiContract parse(String specText) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(specText, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("the API spec cannot be read: " + result.getMessages());
        }
        List<ContractOperation> operations = new ArrayList<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(toOperation(api, template, item, method, operation))));
        return new ApiContract(operations);
    }

    public List<ContractOperation> operations() {
        return operations.stream().map(CompiledOperation::operation).toList();
    }

    public Optional<ContractOperation> operation(String operationId) {
        return operations().stream().filter(op -> op.operationId().equals(operationId)).findFirst();
    }

    /**
     * The operation a request is for, if the spec defines one for this method and path. A
     * {@code HEAD} is the {@code GET} of its path without the body, as HTTP requires of a server
     * that serves {@code GET} (and as the service answers it).
     */
    public Optional<OperationMatch> match(String method, String path) {
        String served = HEAD.equals(method) ? GET : method;
        for (CompiledOperation compiled : operations) {
            if (!compiled.operation().method().equals(served)) {
                continue;
            }
            Optional<Map<String, String>> params = compiled.operation().matchPath(compiled.pattern(), path);
            if (params.isPresent()) {
                return Optional.of(new OperationMatch(compiled.operation(), params.get()));
            }
        }
        return Optional.empty();
    }

    private static ContractOperation toOperation(OpenAPI api, String template, PathItem item, PathItem.HttpMethod method,
                                                 Operation op) {
        if (op.getOperationId() == null) {
            throw new IllegalStateException(method + " " + template + " has no operationId");
        }
        Map<String, MediaType> requestContent = op.getRequestBody() == null || op.getRequestBody().getContent() == null
                ? Map.of()
                : op.getRequestBody().getContent();
        Schema<?> requestSchema = requestContent.values().stream()
                .map(MediaType::getSchema).filter(s -> s != null).findFirst().orElse(null);
        TreeMap<Integer, ContractResponse> responses = new TreeMap<>();
        if (op.getResponses() != null) {
            op.getResponses().forEach((status, response) -> {
                if (status.matches("\\d{3}")) {
                    int code = Integer.parseInt(status);
                    responses.put(code, toResponse(api, code, response));
                }
            });
        }
        return new ContractOperation(
                op.getOperationId(),
                method.name(),
                template,
                PathTemplates.parameterNames(template),
                parameterNames(item, op),
                requiresApiKey(api, op),
                requestContent.keySet().stream().map(type -> type.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet()),
                op.getRequestBody() != null && Boolean.TRUE.equals(op.getRequestBody().getRequired()),
                requestSchema,
                responses);
    }

    private static List<String> parameterNames(PathItem item, Operation op) {
        List<String> names = new ArrayList<>();
        if (item.getParameters() != null) {
            item.getParameters().forEach(parameter -> names.add(parameter.getName()));
        }
        if (op.getParameters() != null) {
            op.getParameters().stream().map(parameter -> parameter.getName())
                    .filter(name -> !names.contains(name)).forEach(names::add);
        }
        return names;
    }

    /** The methods served on this path (the spec's, and HEAD wherever GET is), if the spec defines the path at all. */
    public List<String> methodsOf(String path) {
        List<String> methods = operationsOn(path).map(ContractOperation::method).distinct().toList();
        return methods.contains(GET) ? Stream.concat(methods.stream(), Stream.of(HEAD)).toList() : methods;
    }

    /** The spec's template of this path (e.g. {@code /v1/appointments/{id}}), whatever the method, if the spec defines the path. */
    public Optional<String> pathTemplateOf(String path) {
        return operationsOn(path).map(ContractOperation::pathTemplate).findFirst();
    }

    private Stream<ContractOperation> operationsOn(String path) {
        return operations.stream()
                .filter(compiled -> compiled.pattern().matcher(path).matches())
                .map(CompiledOperation::operation);
    }

    private static boolean requiresApiKey(OpenAPI api, Operation op) {
        List<SecurityRequirement> security = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
        return security != null && security.stream().anyMatch(requirement -> !requirement.isEmpty());
    }

    private static ContractResponse toResponse(OpenAPI api, int status, ApiResponse response) {
        Content content = response.getContent();
        List<String> mediaTypes = new ArrayList<>();
        Map<String, Map<String, JsonNode>> examples = new LinkedHashMap<>();
        Schema<?> schema = null;
        if (content != null) {
            for (Map.Entry<String, MediaType> entry : content.entrySet()) {
                mediaTypes.add(entry.getKey().toLowerCase(Locale.ROOT));
                examples.put(entry.getKey().toLowerCase(Locale.ROOT), examplesOf(api, entry.getValue()));
                if (schema == null) {
                    schema = entry.getValue().getSchema();
                }
            }
        }
        return new ContractResponse(status, mediaTypes, schema, examples);
    }

    private static Map<String, JsonNode> examplesOf(OpenAPI api, MediaType mediaType) {
        Map<String, JsonNode> named = new LinkedHashMap<>();
        if (mediaType.getExample() != null) {
            named.put(ContractResponse.UNNAMED_EXAMPLE, JSON.valueToTree(mediaType.getExample()));
        }
        if (mediaType.getExamples() != null) {
            mediaType.getExamples().forEach((name, example) -> {
                Example resolved = resolve(api, example);
                if (resolved != null && resolved.getValue() != null) {
                    named.put(name, JSON.valueToTree(resolved.getValue()));
                }
            });
        }
        return named;
    }

    private static Example resolve(OpenAPI api, Example example) {
        String ref = example.get$ref();
        if (ref == null || api.getComponents() == null || api.getComponents().getExamples() == null) {
            return example;
        }
        return api.getComponents().getExamples().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private record CompiledOperation(ContractOperation operation, Pattern pattern) {
    }
}
