package io.newswatch.enrich.failure;

import io.newswatch.model.dlq.DeadLetter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrich's processing and production exception handler: the input record that failed goes to the dead-letter topic
 * in Newswatch's format (original bytes cut to fit, the reason in {@code newswatch.*} headers, never a stack trace
 * or the producer's own headers, which could make the dead letter itself too large to write), and processing
 * resumes.
 *
 * <p>A record whose <em>result</em> the producer refused (too large for the broker, say) is also remembered in
 * {@link PoisonRecords}: under exactly-once that refusal aborts the transaction and the input is read again, and
 * the {@code StageEntry} after its source then dead-letters it instead of failing again.
 */
public final class DeadLetterExceptionHandler implements ProcessingExceptionHandler, ProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterExceptionHandler.class);

    private String topic;
    private PoisonRecords poison = new PoisonRecords();

    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        this.topic = name == null ? null : String.valueOf(name);
        if (configs.get(PoisonRecords.CONFIG) instanceof PoisonRecords shared) {
            this.poison = shared;
        }
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        LOG.warn("dead letter from enrich: record {}/{}/{} failed in {}: {}", context.topic(), context.partition(),
                context.offset(), context.processorNodeId(), DeadLetter.describe(exception));
        return ProcessingExceptionHandler.Response.resume(deadLetter(context, exception));
    }

    /**
     * A result the producer or broker refused. Under exactly-once the transaction is lost with it: no dead letter can
     * be written now, and the stream thread will be replaced and read its input again. When the refusal came while
     * the record was being processed (the producer's own size check, on the stream thread), that record is known and
     * remembered, so it is dead-lettered when read again. A refusal that arrives later, from the network thread,
     * cannot be traced to its record with certainty and is only logged: enrich keeps its records under the limits it
     * reads from the producer and topic at start-up, so this is the last line, not the first.
     */
    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                           ProducerRecord<byte[], byte[]> record,
                                                           Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        String reason = "its result for " + record.topic() + " could not be written: " + DeadLetter.describe(exception);
        if (Thread.currentThread().getName().contains("StreamThread")) {
            LOG.error("record {}/{}/{}: {}; it will be dead-lettered when read again", context.topic(),
                    context.partition(), context.offset(), reason);
            poison.add(context.topic(), context.partition(), context.offset(), reason);
        } else {
            LOG.error("a result for {} was refused: {}", record.topic(), DeadLetter.describe(exception));
        }
        return ProductionExceptionHandler.Response.resume();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
                                                                       ProducerRecord record, Exception exception,
                                                                       SerializationExceptionOrigin origin) {
        LOG.error("record {}/{}/{}: its result for {} cannot be serialised: {}", context.topic(), context.partition(),
                context.offset(), record.topic(), DeadLetter.describe(exception));
        return ProductionExceptionHandler.Response.resume(deadLetter(context, exception));
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, Exception exception) {
        if (topic == null) {
            return List.of();
        }
        DeadLetter letter = DeadLetter.fromRecord("enrich", exception, context.topic(), context.partition(),
                context.offset(), context.sourceRawKey(), context.sourceRawValue());
        return List.of(letter.toRecord(topic));
    }
}
