// Package history gives readers the revision history of published documents: who changed a
// document, when, and exactly what changed.
//
// Staff publish by committing Markdown to git, so git already holds every published version.
// Load reads the history of many files with a single `git log` pass and serves old file
// contents from one long-lived `git cat-file --batch` process. This is the one package that runs
// an external program instead of reading files through afero: git owns the object database, and
// reading .git by hand would mean reimplementing packfiles. Nothing here writes anything.
//
// Normalize and ReadSchedule read an old revision as the build read it then (its encoding, and
// the draft flag and dates of its own front matter), so that the caller can leave out revisions
// that were never public.
//
// Diff, RenderHTML and Summarize compare two versions of a Markdown document the way a reader
// reads it: paragraph by paragraph, and inside a changed paragraph character by character,
// because Chinese has no spaces to split words on.
package history
