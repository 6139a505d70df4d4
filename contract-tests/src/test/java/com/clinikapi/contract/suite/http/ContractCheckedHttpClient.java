package com.clinikapi.contract.suite.http;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * A {@link HttpClient} for code the suite does not write, such as the generated Java client: every
 * request it sends goes through {@link ContractClient} as sent (method, path, headers, body), so its
 * answers are checked against the contract and counted as coverage like every other exchange, and
 * the caller then reads them as if from the network.
 */
public final class ContractCheckedHttpClient extends HttpClient {

    private final ContractClient contract;

    private ContractCheckedHttpClient(ContractClient contract) {
        this.contract = contract;
    }

    /** A builder whose {@code build()} returns this client; the transport settings are the suite's own. */
    public static HttpClient.Builder builder(ContractClient contract) {
        return new Builder(new ContractCheckedHttpClient(contract));
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        ApiResponse answer = contract.exchange(toCall(request));
        T body = readBody(answer, handler);
        return new Answer<>(request, answer, body);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException | RuntimeException | AssertionError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    private ApiCall toCall(HttpRequest request) {
        URI uri = request.uri();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        ApiCall call = contract.call(request.method(), pathAndQuery).withoutKey()
                .accept(request.headers().firstValue("Accept").orElse(null));
        byte[] body = bodyOf(request);
        if (body != null) {
            call.body(body).contentType(request.headers().firstValue("Content-Type").orElse(null));
        }
        request.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Accept") && !name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> call.header(name, value));
            }
        });
        return call;
    }

    /** The bytes a request's publisher produces; null for a request without a body. */
    private static byte[] bodyOf(HttpRequest request) {
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher().filter(p -> p.contentLength() != 0);
        if (publisher.isEmpty()) {
            return null;
        }
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        publisher.get().subscribe(new Flow.Subscriber<>() {
            private final List<ByteBuffer> buffers = new ArrayList<>();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                buffers.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
                bytes.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                ByteBuffer all = ByteBuffer.allocate(buffers.stream().mapToInt(ByteBuffer::remaining).sum());
                buffers.forEach(all::put);
                bytes.complete(all.array());
            }
        });
        return await(bytes.toCompletableFuture());
    }

    /** Feeds the answer's bytes to the caller's body handler, as the JDK client would. */
    private static <T> T readBody(ApiResponse answer, HttpResponse.BodyHandler<T> handler) {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return answer.status();
            }

            @Override
            public HttpHeaders headers() {
                return answer.headers();
            }

            @Override
            public Version version() {
                return Version.HTTP_1_1;
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        byte[] body = answer.bodyBytes();
        if (body.length > 0) {
            subscriber.onNext(List.of(ByteBuffer.wrap(body)));
        }
        subscriber.onComplete();
        return await(subscriber.getBody().toCompletableFuture());
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e.getCause());
        }
    }

    private record Answer<T>(HttpRequest request, ApiResponse answer, T body) implements HttpResponse<T> {

        @Override
        public int statusCode() {
            return answer.status();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return answer.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return null;
    }

    @Override
    public SSLParameters sslParameters() {
        return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return Optional.empty();
    }

    /** Accepts every setting and ignores it: the suite's own transport has its settings. */
    private record Builder(ContractCheckedHttpClient client) implements HttpClient.Builder {

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(Redirect policy) {
            return this;
        }

        @Override
        public HttpClient.Builder version(Version version) {
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            return this;
        }

        @Override
        public HttpClient build() {
            return client;
        }
    }
}
