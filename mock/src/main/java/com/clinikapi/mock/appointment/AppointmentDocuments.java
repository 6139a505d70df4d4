package com.clinikapi.mock.appointment;

import com.clinikapi.contract.appointment.AppointmentSchedule;
import com.clinikapi.contract.appointment.AppointmentStatus;
import com.clinikapi.contract.appointment.SupportedTimes;
import com.clinikapi.contract.appointment.TimeWindow;
import com.clinikapi.contract.error.ApiException;
import com.clinikapi.contract.error.SchemaViolations;
import com.clinikapi.mock.spec.ApiContract;
import com.clinikapi.mock.spec.ContractOperation;
import com.clinikapi.mock.spec.SchemaPaths;
import com.clinikapi.mock.store.StoredAppointment;
import com.clinikapi.mock.web.UtcTimes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appointment documents, shaped by the spec: which fields a create and an update may set, which
 * fields are date-times (answered in UTC, microseconds) and which fields the stored appointment
 * has all come from the operations' schemas, so a field added to the spec is stored and answered
 * with no code change. Only the fields the business rules reason about are named here.
 */
final class AppointmentDocuments {

    static final String ID = "id";
    static final String CREATED = "created";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Schema<?>> storedProperties;
    private final Set<String> creatable;
    private final Set<String> updatable;

    private AppointmentDocuments(Map<String, Schema<?>> storedProperties, Set<String> creatable, Set<String> updatable) {
        this.storedProperties = storedProperties;
        this.creatable = creatable;
        this.updatable = updatable;
    }

    /**
     * @param create the operation that creates an appointment (its body schema lists what may be sent)
     * @param update the operation that patches one
     * @param read   the operation that reads one (its 200 {@code data} schema is the stored shape)
     */
    static AppointmentDocuments from(ContractOperation create, ContractOperation update, ContractOperation read) {
        Schema<?> envelope = read.response(read.successStatus())
                .map(response -> response.schema())
                .orElseThrow(() -> new IllegalStateException(read.operationId() + " documents no body"));
        Map<String, Schema<?>> stored = SchemaPaths.properties(SchemaPaths.properties(envelope).get("data"));
        if (stored.isEmpty()) {
            throw new IllegalStateException(read.operationId() + " answers no appointment properties");
        }
        return new AppointmentDocuments(stored,
                sendable(create.requestSchema(), stored),
                sendable(update.requestSchema(), stored));
    }

    static AppointmentDocuments from(ApiContract contract) {
        return from(
                contract.operation(AppointmentOperations.CREATE).orElseThrow(),
                contract.operation(AppointmentOperations.UPDATE).orElseThrow(),
                contract.operation(AppointmentOperations.READ).orElseThrow());
    }

    private static Set<String> sendable(Schema<?> requestSchema, Map<String, Schema<?>> stored) {
        Set<String> fields = new LinkedHashSet<>(SchemaPaths.properties(requestSchema).keySet());
        fields.retainAll(stored.keySet());
        return Set.copyOf(fields);
    }

    /** A new document from a create body: the creatable fields, times normalized. */
    ObjectNode fromCreate(JsonNode body) {
        ObjectNode document = NODES.objectNode();
        body.fields().forEachRemaining(field -> {
            if (creatable.contains(field.getKey()) && !isAbsent(field.getValue())) {
                document.set(field.getKey(), normalize(field.getKey(), field.getValue(), storedProperties.get(field.getKey())));
            }
        });
        return document;
    }

    /** The updatable fields a patch contains, whether set to a value or to null. */
    Set<String> patchedFields(JsonNode patch) {
        Set<String> fields = new LinkedHashSet<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (updatable.contains(name)) {
                fields.add(name);
            }
        });
        return fields;
    }

    /** The document with the patch merged in (RFC 7396 on the top level): null removes a field. */
    ObjectNode merge(ObjectNode current, JsonNode patch, Set<String> patchedFields) {
        ObjectNode merged = current.deepCopy();
        for (String field : patchedFields) {
            JsonNode value = patch.get(field);
            if (isAbsent(value)) {
                merged.remove(field);
            } else {
                merged.set(field, normalize(field, value, storedProperties.get(field)));
            }
        }
        return merged;
    }

    /**
     * Null, or an empty list: the service stores a list's items, so an empty one is answered as no
     * field at all, and the mock does the same.
     */
    private static boolean isAbsent(JsonNode value) {
        return value.isNull() || value.isArray() && value.isEmpty();
    }

    /** What {@link com.clinikapi.contract.appointment.AppointmentRules} judge. */
    AppointmentSchedule schedule(ObjectNode document) {
        AppointmentStatus status = AppointmentStatus.fromWire(document.path("status").asText(null))
                .orElseThrow(() -> ApiException.validation(List.of(SchemaViolations.oneOfEnum("status"))));
        List<TimeWindow> windows = new ArrayList<>();
        for (JsonNode window : document.path("requestedPeriod")) {
            windows.add(new TimeWindow(time(window.get("start")), time(window.get("end"))));
        }
        JsonNode minutes = document.get("minutesDuration");
        JsonNode reason = document.get("cancelationReason");
        return new AppointmentSchedule(status, time(document.get("start")), time(document.get("end")),
                minutes == null ? null : minutes.intValue(),
                reason == null ? null : reason.asText(),
                windows);
    }

    /** Writes the times the rules derived (e.g. {@code end} from {@code start + minutesDuration}). */
    void applySchedule(ObjectNode document, AppointmentSchedule schedule) {
        if (schedule.end() != null) {
            document.put("end", UtcTimes.format(schedule.end()));
        }
    }

    StoredAppointment toStored(ObjectNode document) {
        return new StoredAppointment(
                document.get(ID).asText(),
                document,
                document.path("patientId").asText(null),
                document.path("practitionerId").asText(null),
                AppointmentStatus.fromWire(document.path("status").asText(null)).orElse(null),
                time(document.get("start")),
                time(document.get("end")),
                time(document.get(CREATED)));
    }

    /**
     * The value as stored: date-times in UTC with microseconds, objects reduced to the properties
     * their schema declares (unknown fields are ignored, never stored or echoed).
     */
    private JsonNode normalize(String field, JsonNode value, Schema<?> schema) {
        if (schema == null) {
            return value;
        }
        if (value.isTextual() && "date-time".equals(schema.getFormat())) {
            String text = value.asText();
            OffsetDateTime time = UtcTimes.parse(text).orElseThrow(() -> ApiException.validation(List.of(
                    SupportedTimes.checkDateTime(field, text).orElseGet(() -> SchemaViolations.dateTime(field)))));
            return NODES.textNode(UtcTimes.format(time));
        }
        if (value.isArray() && schema.getItems() != null) {
            ArrayNode items = NODES.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                items.add(normalize(field + "[" + i + "]", value.get(i), schema.getItems()));
            }
            return items;
        }
        Map<String, Schema<?>> properties = SchemaPaths.properties(schema);
        if (value.isObject() && !properties.isEmpty()) {
            ObjectNode object = NODES.objectNode();
            value.fields().forEachRemaining(entry -> {
                if (properties.containsKey(entry.getKey()) && !entry.getValue().isNull()) {
                    object.set(entry.getKey(), normalize(field + "." + entry.getKey(), entry.getValue(),
                            properties.get(entry.getKey())));
                }
            });
            return object;
        }
        return value;
    }

    private static OffsetDateTime time(JsonNode node) {
        return node == null || node.isNull() ? null : UtcTimes.parse(node.asText()).orElse(null);
    }
}
