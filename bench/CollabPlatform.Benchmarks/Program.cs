using CollabPlatform.Benchmarks;

return await BenchProgram.RunAsync(args);
