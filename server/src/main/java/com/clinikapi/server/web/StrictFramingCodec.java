package com.clinikapi.server.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

/**
 * Netty's HTTP/1.1 server codec, except that a request framed two ways, by
 * {@code Transfer-Encoding: chunked} and by {@code Content-Length}, is refused instead of repaired.
 * Netty drops the {@code Content-Length} and reads the chunks, which RFC 9112 §6.1 allows only when
 * the connection is then closed; a proxy in front that frames by length would see a different
 * request boundary than ours, which is how requests are smuggled past it. Here such a request ends
 * decoding: it reaches the application marked with {@link AmbiguousFramingException}, is answered
 * {@code 400} and the connection is closed ({@link StrictFramingGuard}).
 *
 * <p>Everything else is {@code io.netty.handler.codec.http.HttpServerCodec}'s behaviour, which is
 * final and cannot be extended: the encoder learns each request's method so that the answer to a
 * {@code HEAD} has no body.
 */
final class StrictFramingCodec extends CombinedChannelDuplexHandler<StrictFramingCodec.RequestDecoder, StrictFramingCodec.ResponseEncoder> {

    StrictFramingCodec(HttpDecoderConfig config) {
        Queue<HttpMethod> methods = new ArrayDeque<>();
        init(new RequestDecoder(config, methods), new ResponseEncoder(methods));
    }

    /** Why decoding stopped: the request carried both framings. */
    static final class AmbiguousFramingException extends IllegalArgumentException {
        AmbiguousFramingException() {
            super("Transfer-Encoding together with Content-Length");
        }
    }

    static final class RequestDecoder extends HttpRequestDecoder {
        private final Queue<HttpMethod> methods;

        RequestDecoder(HttpDecoderConfig config, Queue<HttpMethod> methods) {
            super(config);
            this.methods = methods;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            int before = out.size();
            super.decode(ctx, buffer, out);
            for (int i = before; i < out.size(); i++) {
                if (out.get(i) instanceof HttpRequest request) {
                    methods.add(request.method());
                }
            }
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            throw new AmbiguousFramingException();
        }
    }

    static final class ResponseEncoder extends HttpResponseEncoder {
        private final Queue<HttpMethod> methods;
        private HttpMethod method;

        ResponseEncoder(Queue<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse response, boolean isAlwaysEmpty) {
            // A 2xx to CONNECT switches to a tunnel: no body framing at all.
            if (!isAlwaysEmpty && HttpMethod.CONNECT.equals(method)
                    && response.status().codeClass() == HttpStatusClass.SUCCESS) {
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                return;
            }
            super.sanitizeHeadersBeforeEncode(response, isAlwaysEmpty);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse response) {
            method = methods.poll();
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(response);
        }
    }
}
