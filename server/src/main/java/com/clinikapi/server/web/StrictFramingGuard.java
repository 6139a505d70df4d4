package com.clinikapi.server.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;

/**
 * Puts {@link StrictFramingCodec} in place of Netty's HTTP/1.1 codec on every connection, with the
 * limits Micronaut configured for it ({@code micronaut.server.netty.max-initial-line-length}, …).
 * A request refused by it is answered by {@code ContractErrorResponseProcessor}.
 */
@Singleton
public class StrictFramingGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final NettyHttpServerConfiguration configuration;

    public StrictFramingGuard(NettyHttpServerConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Whether Netty stopped decoding {@code cause}'s request because it was framed two ways. */
    public static boolean isAmbiguousFraming(Throwable cause) {
        return cause instanceof StrictFramingCodec.AmbiguousFramingException;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null, decoderConfig()));
        return event.getBean();
    }

    private HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(configuration.getMaxInitialLineLength())
                .setMaxHeaderSize(configuration.getMaxHeaderSize())
                .setMaxChunkSize(configuration.getMaxChunkSize())
                .setValidateHeaders(configuration.isValidateHeaders())
                .setInitialBufferSize(configuration.getInitialBufferSize());
    }

    private record Customizer(Channel channel, HttpDecoderConfig config) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel, config);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelHandler codec = channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC);
            if (codec instanceof HttpServerCodec) {
                channel.pipeline().replace(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                        ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, new StrictFramingCodec(config.clone()));
            }
        }
    }
}
