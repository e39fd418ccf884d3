namespace Kubepath.Cli;

/// <summary>The process exit codes every kubepath command uses.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int Usage = 2;
    public const int InternalError = 3;
}
