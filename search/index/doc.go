// Package index writes, opens and updates gongkai's prebuilt index on disk:
// the Writer that analyses records in its callers' goroutines and writes
// one zap segment per shard in one pass (package zapwrite), the manifest
// (manifest.json: counts, content hash, shards, synonyms), opening with
// bbolt's lock (ErrLocked after LockWait), and Update, which replaces
// pages' records in place in one batch per shard.
//
// It hands searches the opened shards through Index.Read and nothing else.
// It must not know how queries are parsed or run, how hits are collected
// or shown (query, searcher, collect, search); it knows records and fields
// only through package mapping.
package index
