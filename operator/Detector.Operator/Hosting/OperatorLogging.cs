using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Detector.Operator.Hosting;

/// <summary>The operator's logger factory: one JSON object per line on stdout (log collectors parse it), or plain text.</summary>
public static class OperatorLogging
{
    /// <summary>Creates the logger factory for the settings.</summary>
    public static ILoggerFactory Create(OperatorSettings settings) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(settings.LogLevel);
        // Kestrel and the HTTP client log every request at Information; that is noise next to reconcile logs.
        builder.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddFilter("System.Net.Http", LogLevel.Warning);
        if (settings.LogFormat == "text")
            builder.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.UseUtcTimestamp = true;
                o.IncludeScopes = true;   // the reconcile's kind, object and reconcileID (Runtime/ReconcileScope)
            });
        else
            builder.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;   // kind, namespace, name and reconcileID of the reconcile that wrote the line
                o.JsonWriterOptions = new() { Indented = false };
            });
    });
}
