// Each test runs a real host, real ffmpeg-made videos and real SQLite on a 2-core machine: running them one at a
// time keeps their timing honest and their waits short.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
