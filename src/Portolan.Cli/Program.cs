using Portolan.Cli;

// The composition root: the only place that touches Console.
using var stdout = Console.OpenStandardOutput();
using var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };
var exit = new PortolanCli(Console.In, writer, Console.Error, Console.IsErrorRedirected, Environment.GetEnvironmentVariable).Run(args);
writer.Flush();
return exit;
