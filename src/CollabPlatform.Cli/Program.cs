Console.WriteLine("collab");
