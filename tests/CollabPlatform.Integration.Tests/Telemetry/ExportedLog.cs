using System.Diagnostics;

namespace CollabPlatform.Integration.Tests.Telemetry;

/// <summary>What a test reads of one exported log record.</summary>
public sealed record ExportedLog(string Category, string Message, ActivityTraceId TraceId, ActivitySpanId SpanId);
