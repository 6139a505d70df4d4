package com.clinikapi.mock.web;

import com.clinikapi.mock.spec.ContractOperation;

import java.time.OffsetDateTime;

/**
 * What every answer to one request shares.
 *
 * @param now       when the request arrived, UTC, microseconds: {@code X-Timestamp}, {@code meta.timestamp}
 * @param accept    the client's {@code Accept} header, or null
 * @param operation the spec operation the request is for, or null if it is for none
 */
public record RequestContext(String requestId, OffsetDateTime now, String accept, ContractOperation operation) {
}
