fn main() -> std::process::ExitCode {
    dossier_cli::main(std::env::args_os())
}
