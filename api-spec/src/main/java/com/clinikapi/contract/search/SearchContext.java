package com.clinikapi.contract.search;

import com.clinikapi.contract.auth.Mode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Who searched for what: the caller's tenant and mode, the filters and the order. A cursor is bound
 * to its search context by {@link CursorCodec}'s MAC, but the context never travels in the cursor:
 * the server rebuilds it from the request that presents the cursor, so a cursor carries no
 * patient id, not even as a digest, into URLs that proxies and load balancers log.
 *
 * @param tenant whose appointments are searched: the service's tenant id, the mock's sandbox key
 * @param mode   the world the caller's key acts on
 */
public record SearchContext(String tenant, Mode mode, SearchFilter filter, SearchSort sort) {

    public SearchContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
    }

    /**
     * The bytes the MAC covers: every field length-prefixed (a 4-byte length, -1 for absent, then
     * the UTF-8 text), so that no two different contexts encode alike, whatever their values hold.
     */
    byte[] canonical() {
        Canonical out = new Canonical();
        out.field(tenant);
        out.field(mode.name());
        out.field(filter.patientId());
        out.field(filter.practitionerId());
        out.field(filter.status() == null ? null : filter.status().wire());
        out.field(filter.dateFrom() == null ? null : filter.dateFrom().toString());
        out.field(filter.dateTo() == null ? null : filter.dateTo().toString());
        out.field(sort.wire());
        return out.bytes();
    }

    /** Names no tenant and no filter value: those may identify a key or a patient. */
    @Override
    public String toString() {
        return "SearchContext[mode=" + mode + ", sort=" + sort + "]";
    }

    private static final class Canonical {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void field(String value) {
            if (value == null) {
                length(-1);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            length(utf8.length);
            bytes.writeBytes(utf8);
        }

        private void length(int n) {
            bytes.write(n >>> 24);
            bytes.write(n >>> 16);
            bytes.write(n >>> 8);
            bytes.write(n);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
