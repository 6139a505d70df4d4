package com.clinikapi.mock.web;

/** Serves one operation of the spec. Throws {@link com.clinikapi.contract.error.ApiException} to refuse. */
@FunctionalInterface
public interface OperationHandler {

    ApiResult handle(ApiCall call);
}
