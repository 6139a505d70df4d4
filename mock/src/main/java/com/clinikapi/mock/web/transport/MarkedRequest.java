package com.clinikapi.mock.web.transport;

import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/** A request with one more {@link TransportFinding} in its {@value TransportFinding#HEADER} header. */
final class MarkedRequest extends HttpServletRequestWrapper {

    private final String findings;

    private MarkedRequest(HttpServletRequest request, String findings) {
        super(request);
        this.findings = findings;
    }

    /** {@code request} with {@code finding} added to the findings already recorded on it. */
    static HttpServletRequest mark(HttpServletRequest request, TransportFinding finding) {
        String recorded = request.getHeader(TransportFinding.HEADER);
        Set<TransportFinding> findings = recorded == null
                ? EnumSet.noneOf(TransportFinding.class) : TransportFinding.parse(recorded);
        findings.add(finding);
        return new MarkedRequest(request, TransportFinding.joined(findings));
    }

    @Override
    public String getHeader(String name) {
        return isFindings(name) ? findings : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return isFindings(name) ? Collections.enumeration(List.of(findings)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames()).stream().filter(n -> !isFindings(n))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        names.add(TransportFinding.HEADER);
        return Collections.enumeration(names);
    }

    private static boolean isFindings(String name) {
        return TransportFinding.HEADER.equalsIgnoreCase(name);
    }
}
