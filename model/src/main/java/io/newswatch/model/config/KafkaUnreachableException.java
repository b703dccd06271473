package io.newswatch.model.config;

/**
 * The Kafka cluster did not answer within {@code startup.timeout}: the message names the address tried. The command
 * line prints it as one line and exits 4.
 */
public class KafkaUnreachableException extends IllegalStateException {
    public KafkaUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
