Console.WriteLine("CollabPlatform");
