package com.clinikapi.server.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Micronaut replaces a request whose URI does not decode (a stray {@code %} as in {@code ?%ZZ=1}) by
 * a stand-in for {@code /} without headers, so the answer can neither follow the Accept header nor
 * know the operation (for {@code /health}, 400 is not even documented). This Netty handler, placed
 * right after the HTTP decoder, escapes such stray {@code %} signs so that the request keeps its path
 * and headers, and marks it with {@link #MARKER}; {@link UndecodableUriFilter} then answers an API
 * operation 400 {@code INVALID_PARAMETER}, and other paths serve the request as usual. Being the one
 * handler that sees every decoded request head first, it also removes the headers the API ignores
 * ({@link IgnoredRequestHeaders}) before Micronaut can trip over them.
 */
@Singleton
public class UndecodableUriGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** Set on a request whose URI had to be repaired; a client-sent one is removed. */
    public static final String MARKER = "X-Clinikapi-Undecodable-Uri";

    private static final Pattern STRAY_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final ChannelHandler GUARD = new Guard();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** Installs the guard on every request pipeline. */
    private record Customizer(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(Guard.NAME) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, Guard.NAME, GUARD);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class Guard extends ChannelInboundHandlerAdapter {

        static final String NAME = "clinikapi-undecodable-uri-guard";

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request) {
                IgnoredRequestHeaders.removeFrom(request);
                request.headers().remove(MARKER);
                if (!decodes(request.uri())) {
                    String repaired = STRAY_PERCENT.matcher(request.uri()).replaceAll("%25");
                    if (decodes(repaired)) {
                        request.setUri(repaired);
                        request.headers().set(MARKER, "true");
                    }
                }
            }
            ctx.fireChannelRead(message);
        }

        private static boolean decodes(String uri) {
            try {
                new URI(uri);
                QueryStringDecoder decoder = new QueryStringDecoder(uri);
                decoder.path();
                decoder.parameters();
                return true;
            } catch (URISyntaxException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
