package io.newswatch.enrich.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of all of enrich's RocksDB stores together, as the Kafka Streams memory-management guide does:
 * one block cache and one write-buffer manager shared by every store of the process, charged with the memtables
 * and the index and filter blocks, instead of RocksDB's defaults per store (which add up, with a dozen stores per
 * task, to hundreds of megabytes outside the heap).
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
    /** Block cache for all stores of the process, memtables included. */
    public static final long TOTAL_BYTES = 64L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;

    private static final Cache CACHE;
    private static final WriteBufferManager WRITE_BUFFERS;

    static {
        org.rocksdb.RocksDB.loadLibrary();
        CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
        WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(4L * 1024 * 1024);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store: they live as long as the process
    }
}
