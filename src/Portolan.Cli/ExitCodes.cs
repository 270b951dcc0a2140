namespace Portolan.Cli;

/// <summary>Exit codes shared by every command (issue 2): like kubectl diff and auth can-i.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Denied = 1;
    public const int Usage = 2;
    public const int InvalidInput = 3;
    public const int Environment = 4;
    public const int Internal = 70;
}
