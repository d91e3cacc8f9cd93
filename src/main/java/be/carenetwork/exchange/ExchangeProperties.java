package be.carenetwork.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Imports and exports.
 *
 * @param maxFileSize the largest file an import accepts, from the API and the command line alike
 * @param batchSize rows per write statement within an import's one transaction, and per read in streamed exports
 * @param maxProblems how many problems a refused file reports at most (the count is always exact)
 */
@ConfigurationProperties("care.exchange")
public record ExchangeProperties(
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("100") int maxProblems) {
}
