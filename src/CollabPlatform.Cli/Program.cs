using CollabPlatform.Cli;

return await CollabCommandLine.Create().Parse(args).InvokeAsync();
