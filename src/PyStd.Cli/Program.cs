using PyStd.Cli;

return PystdApp.Run(args, Console.Out, Console.Error);
