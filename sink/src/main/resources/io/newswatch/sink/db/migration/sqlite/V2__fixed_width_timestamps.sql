-- Times were written as Instant.toString(), whose fraction has 0, 3, 6 or 9 digits: "12:00:00Z" sorted after
-- "12:00:00.5Z". They become fixed width (nine fraction digits, UTC), as the sink now writes them, so text order is
-- time order. SQLite keeps milliseconds when it parses; the rest of the fraction was never read.
UPDATE alerts SET
    created_at = strftime('%Y-%m-%dT%H:%M:%f', created_at) || '000000Z',
    updated_at = strftime('%Y-%m-%dT%H:%M:%f', updated_at) || '000000Z'
    WHERE length(created_at) <> 30 OR length(updated_at) <> 30;
UPDATE tag_counts SET
    window_start = strftime('%Y-%m-%dT%H:%M:%f', window_start) || '000000Z',
    window_end = strftime('%Y-%m-%dT%H:%M:%f', window_end) || '000000Z',
    updated_at = strftime('%Y-%m-%dT%H:%M:%f', updated_at) || '000000Z'
    WHERE length(window_start) <> 30 OR length(window_end) <> 30 OR length(updated_at) <> 30;
