using CollabPlatform.Host.Hosting;

return await CollabHost.RunAsync(args);
